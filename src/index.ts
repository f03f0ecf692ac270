import { run } from './run.js'

// The entry point only starts the action: importing a module never reads inputs.
void run()
