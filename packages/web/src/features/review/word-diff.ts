/**
 * Which words changed between two renderings of a value: the longest common subsequence of their tokens
 * (words, spaces and punctuation kept as their own tokens), so "1 High Street, London" → "1 Market Street,
 * London" marks only "High"/"Market". Long values (beyond a few hundred tokens) are marked as a whole.
 */
export interface Piece {
  text: string;
  changed: boolean;
}

const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;
const MAX_TOKENS = 400;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The pieces of `before` and `after`, each flagged when it is not part of the common subsequence. */
export function wordDiff(before: string, after: string): { before: Piece[]; after: Piece[] } {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    return { before: before ? [{ text: before, changed: true }] : [], after: after ? [{ text: after, changed: true }] : [] };
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => Array.from({ length: b.length + 1 }, () => 0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const left: Piece[] = [];
  const right: Piece[] = [];
  const push = (list: Piece[], text: string, changed: boolean) => {
    const last = list[list.length - 1];
    // Whitespace between two changed words belongs to the change, so a phrase is marked as one.
    if (last && (last.changed === changed || (changed && /^\s+$/.test(last.text) && list.length > 1 && list[list.length - 2]!.changed))) {
      if (last.changed !== changed) {
        list.pop();
        list[list.length - 1]!.text += last.text + text;
      } else last.text += text;
    } else list.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(left, a[i]!, false);
      push(right, b[j]!, false);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push(left, a[i++]!, true);
    } else {
      push(right, b[j++]!, true);
    }
  }
  while (i < a.length) push(left, a[i++]!, true);
  while (j < b.length) push(right, b[j++]!, true);
  return { before: left, after: right };
}
