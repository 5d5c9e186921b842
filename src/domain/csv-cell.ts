/** CSV cells shared by the summaries' CSV (backend) and the insights' CSV (built in the browser). */

/**
 * A cell a spreadsheet would run as a formula gets a leading single quote (OWASP "CSV
 * injection"): titles and tags are free text typed by anyone who can edit an incident.
 */
export function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
