import { runner as core } from '@d2ci/action-kit';

/** Always runs after the job: deletes the Kind cluster the main step created, if it did. */
export async function post(): Promise<void> {
  const cluster = core.getState('kind_cluster');
  if (!cluster) return;
  const { deleteKindCluster } = await import('@d2ci/core/imageupdate');
  await deleteKindCluster(cluster, core.getState('kind_path'));
  core.info(`Deleted Kind cluster ${cluster}`);
}
