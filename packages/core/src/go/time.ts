// Go's time formatting, the layout d2ci's ports print timestamps with (time/format.go).

/**
 * `t.UTC().Format(time.RFC3339)` (layout `2006-01-02T15:04:05Z07:00`): UTC with whole seconds and a `Z`, as Flux
 * writes `org.opencontainers.image.created`. A leaf both artifact/ and sign/ import.
 */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}
