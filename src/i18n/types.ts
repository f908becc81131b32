/**
 * A message is a whole phrase, or one whole phrase per plural category: Polish needs
 * one/few/many (and `other` for fractions), because the verb agrees with the number too
 * ("Zostało 1 pytanie", "Zostały 3 pytania", "Zostało 5 pytań").
 */
export interface Plural {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | Plural;
