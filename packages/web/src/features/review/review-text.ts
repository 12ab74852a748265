/** "1 field unchanged", "6 fields unchanged": the folded list under the changes. */
export function unchangedSummary(count: number): string {
  return `${count} ${count === 1 ? 'field' : 'fields'} unchanged`;
}

/** After a rejection: "emailed" only when the email went; otherwise, how the supplier will learn the reason. */
export function rejectedText(emailed: boolean): string {
  return emailed
    ? 'Changes rejected. The supplier has been emailed your reason.'
    : 'Changes rejected. No email could be sent, so the supplier sees your reason when they open their link — or tell them yourself.';
}
