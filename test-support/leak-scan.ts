// Scans what a step printed for any form of a credential. Computes the forms on its own — it does not ask
// the action's masking code which forms exist, so a form the action forgets to mask is caught here.

export interface SecretMaterial {
  username?: string
  password: string
}

/** Lines shorter than this are too common to be evidence of a leak (e.g. `{` or `"type": "x"`). */
const MIN_LINE = 8

export function credentialForms(material: SecretMaterial): string[] {
  const { username, password } = material
  const forms = new Set<string>([password])
  const jsonEscaped = JSON.stringify(password).slice(1, -1)
  forms.add(jsonEscaped)
  forms.add(jsonEscaped.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'))
  forms.add(Buffer.from(password).toString('base64'))
  if (username !== undefined) forms.add(Buffer.from(`${username}:${password}`).toString('base64'))
  for (const line of password.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (trimmed.length >= MIN_LINE) {
      forms.add(trimmed)
      forms.add(JSON.stringify(trimmed).slice(1, -1))
    }
  }
  return [...forms].filter((form) => form.length >= 4)
}

/** The forms found in `text` (empty when clean), named without printing them. */
export function findLeaks(text: string, forms: string[]): string[] {
  return forms.filter((form) => text.includes(form)).map((form) => `a credential form of ${form.length} characters`)
}

/** The base64 of a whole docker config (what the Secret's data holds) is a credential too. */
export function dockerConfigForms(dockerConfigJson: string): string[] {
  return [dockerConfigJson, Buffer.from(dockerConfigJson).toString('base64')]
}
