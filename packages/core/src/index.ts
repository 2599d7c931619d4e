export function hello(): string { return "core"; }
