import type { AppCredentials } from '@d2ci/core/imageupdate';
import * as core from './runner.ts';
import { InputError, stringInput } from './inputs.ts';

/**
 * The `app-id` and `app-private-key` inputs: a GitHub App whose short-lived installation token an action uses
 * instead of `github-token` (core's `installationToken`). The key is masked as soon as it is read, and both are
 * checked before anything is sent.
 */
export function githubAppInput(): AppCredentials | undefined {
  const appId = stringInput('app-id');
  const privateKey = stringInput('app-private-key');
  if (privateKey) core.setSecret(privateKey);
  if (appId && !/^[0-9]+$/.test(appId))
    throw new InputError('app-id', `"${appId}" is not a GitHub App ID (a number; the app's settings page shows it)`);
  if (appId && !privateKey)
    throw new InputError('app-private-key', "is empty but `app-id` is set; pass the app's private key, e.g. ${{ secrets.UPDATE_APP_KEY }}");
  if (privateKey && !appId) throw new InputError('app-id', "is empty but `app-private-key` is set; add the app's ID");
  if (privateKey && !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey.replace(/\\n/g, '\n')))
    throw new InputError('app-private-key', 'is not a PEM private key (-----BEGIN RSA PRIVATE KEY----- … as GitHub downloads it)');
  return appId ? { appId, privateKey } : undefined;
}
