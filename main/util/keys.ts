/**
 * The keys of an object this code built or a strict schema parsed, typed as the object's own.
 * Object.keys says string[] because a structural type may carry more keys at run time than it
 * names; objects made from a literal or by a zod strict object carry exactly the named ones.
 */
export function ownKeys<T extends object>(o: T): (keyof T)[] {
  // Safe for the objects described above (the only callers): no key outside keyof T exists.
  return Object.keys(o) as (keyof T)[];
}
