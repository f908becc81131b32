/**
 * A message is a whole phrase, or one whole phrase per plural category: Polish needs
 * one/few/many (and `other` for fractions), because the verb agrees with the number too
 * ("Zostało 1 pytanie", "Zostały 3 pytania", "Zostało 5 pytań"). `few` and `many` are left out
 * where they read as `other` (the fallback), and a phrase that reads the same for every number
 * is a plain string: every byte of a catalog is in the embed.
 */
export interface Plural {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | Plural;
