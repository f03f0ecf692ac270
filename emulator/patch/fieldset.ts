// Sets of field paths, as sigs.k8s.io/structured-merge-diff's fieldpath.Set, and their FieldsV1 encoding.
// A path element is kept in its FieldsV1 spelling, which is also a canonical key:
//   f:<field name>   k:{"name":"x"} (list-map item)   v:"x" (set item)   i:<index>
// A node's `members` are the paths that end there; `children` lead further down.
import { isObject, type JsonObject } from './json.js'

export type PathElement = string
export type Path = PathElement[]

export const field = (name: string): PathElement => `f:${name}`

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 }

/** fieldpath.PathElement.Compare: fields, then keys, then values, then indices. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  const kindA = KIND_ORDER[a[0]] ?? 4
  const kindB = KIND_ORDER[b[0]] ?? 4
  if (kindA !== kindB) return kindA - kindB
  if (a[0] === 'i') return Number(a.slice(2)) - Number(b.slice(2))
  const restA = a.slice(2)
  const restB = b.slice(2)
  return restA < restB ? -1 : restA > restB ? 1 : 0
}

/** fieldpath.Path.String(): `.data..dockerconfigjson`, `.secrets[name="x"]`, `.finalizers[="a"]`. */
export function pathString(path: Path): string {
  return path
    .map((pe) => {
      const rest = pe.slice(2)
      switch (pe[0]) {
        case 'f':
          return `.${rest}`
        case 'k': {
          const key = JSON.parse(rest) as JsonObject
          return `[${Object.keys(key)
            .map((name) => `${name}=${JSON.stringify(key[name])}`)
            .join(',')}]`
        }
        case 'v':
          return `[=${rest}]`
        default:
          return `[${rest}]`
      }
    })
    .join('')
}

export class FieldSet {
  readonly members = new Set<PathElement>()
  readonly children = new Map<PathElement, FieldSet>()

  static of(...paths: Path[]): FieldSet {
    const set = new FieldSet()
    for (const path of paths) set.insert(path)
    return set
  }

  insert(path: Path): void {
    if (path.length === 0) return
    if (path.length === 1) {
      this.members.add(path[0])
      return
    }
    let child = this.children.get(path[0])
    if (!child) {
      child = new FieldSet()
      this.children.set(path[0], child)
    }
    child.insert(path.slice(1))
  }

  has(path: Path): boolean {
    if (path.length === 0) return false
    if (path.length === 1) return this.members.has(path[0])
    return this.children.get(path[0])?.has(path.slice(1)) ?? false
  }

  isEmpty(): boolean {
    if (this.members.size > 0) return false
    for (const child of this.children.values()) if (!child.isEmpty()) return false
    return true
  }

  withPrefix(pe: PathElement): FieldSet {
    return this.children.get(pe) ?? new FieldSet()
  }

  private static combine(
    a: FieldSet,
    b: FieldSet,
    keepMember: (inA: boolean, inB: boolean) => boolean,
    child: (ca: FieldSet | undefined, cb: FieldSet | undefined, pe: PathElement) => FieldSet | undefined
  ): FieldSet {
    const out = new FieldSet()
    for (const pe of new Set([...a.members, ...b.members])) {
      if (keepMember(a.members.has(pe), b.members.has(pe))) out.members.add(pe)
    }
    for (const pe of new Set([...a.children.keys(), ...b.children.keys()])) {
      const result = child(a.children.get(pe), b.children.get(pe), pe)
      if (result && !result.isEmpty()) out.children.set(pe, result)
    }
    return out
  }

  union(other: FieldSet): FieldSet {
    return FieldSet.combine(
      this,
      other,
      (inA, inB) => inA || inB,
      (ca, cb) => (ca && cb ? ca.union(cb) : (ca ?? cb)?.union(new FieldSet()))
    )
  }

  intersection(other: FieldSet): FieldSet {
    return FieldSet.combine(
      this,
      other,
      (inA, inB) => inA && inB,
      (ca, cb) => (ca && cb ? ca.intersection(cb) : undefined)
    )
  }

  /** Paths in this set that are not exactly in `other`. */
  difference(other: FieldSet): FieldSet {
    return FieldSet.combine(
      this,
      other,
      (inA, inB) => inA && !inB,
      (ca, cb) => (ca ? (cb ? ca.difference(cb) : ca.union(new FieldSet())) : undefined)
    )
  }

  /** Paths in this set that are neither in `other` nor below one of its paths. */
  recursiveDifference(other: FieldSet): FieldSet {
    return FieldSet.combine(
      this,
      other,
      (inA, inB) => inA && !inB,
      (ca, cb, pe) => {
        if (!ca || other.members.has(pe)) return undefined
        return cb ? ca.recursiveDifference(cb) : ca.union(new FieldSet())
      }
    )
  }

  /** fieldpath.Set.Iterate order: a node's members (sorted), then each child (sorted), depth first. */
  paths(prefix: Path = []): Path[] {
    const out: Path[] = [...this.members].sort(comparePathElements).map((pe) => [...prefix, pe])
    for (const pe of [...this.children.keys()].sort(comparePathElements)) {
      out.push(...this.children.get(pe)!.paths([...prefix, pe]))
    }
    return out
  }

  /** The FieldsV1 JSON object, keys in the order the Go encoder writes them. */
  toFieldsV1(includeSelf = false): JsonObject {
    const out: JsonObject = {}
    if (includeSelf && !this.isEmpty()) out['.'] = {}
    const elements = new Set([...this.members, ...[...this.children].filter(([, c]) => !c.isEmpty()).map(([pe]) => pe)])
    for (const pe of [...elements].sort(comparePathElements)) {
      const child = this.children.get(pe)
      if (child && !child.isEmpty()) out[pe] = child.toFieldsV1(this.members.has(pe))
      else out[pe] = {}
    }
    return out
  }

  static fromFieldsV1(fields: unknown): FieldSet {
    const set = new FieldSet()
    if (!isObject(fields)) throw new Error('FieldsV1 must be an object')
    for (const [pe, value] of Object.entries(fields)) {
      if (pe === '.') continue
      if (!/^[fkvi]:/.test(pe)) throw new Error(`parsing FieldsV1: unknown path element ${JSON.stringify(pe)}`)
      if (!isObject(value)) throw new Error('FieldsV1 values must be objects')
      const keys = Object.keys(value)
      if (keys.length === 0 || keys.includes('.')) set.members.add(pe)
      if (keys.some((k) => k !== '.')) {
        const child = FieldSet.fromFieldsV1(value)
        if (!child.isEmpty()) set.children.set(pe, child)
      }
    }
    return set
  }
}
