/** A count with its noun, singular for exactly one: "1 question", "0 questions", "3 questions". */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
