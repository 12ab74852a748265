/** "1 field unchanged", "6 fields unchanged": the folded list under the changes. */
export function unchangedSummary(count: number): string {
  return `${count} ${count === 1 ? 'field' : 'fields'} unchanged`;
}
