/**
 * The action's two steps, loaded on demand: the post step (deleting the Kind cluster) needs none of the main step's
 * code. The root action (actions/d2ci) calls these too, as `@d2ci/image-update-kind/action`.
 */
export async function main(): Promise<void> {
  const [{ getInputs }, { run }] = await Promise.all([import('./inputs.ts'), import('./main.ts')]);
  await run(getInputs());
}

export async function post(): Promise<void> {
  await (await import('./post.ts')).post();
}
