import * as vscode from 'vscode';

// The graphsync: scheme. A job's schema is editable at /servicePrincipals/{spId}/jobs/{jobId}/{name}.json; a
// template's schema (/servicePrincipals/{spId}/templates/{templateId}/{name}.json) and snapshots
// (/snapshots/{n}/{name}.json: what the server has, what a save would send) are read-only. The last segment only
// names the tab; the ids come from the path.

export const schemaScheme = 'graphsync';

export type SchemaResource =
  | { kind: 'job'; servicePrincipalId: string; jobId: string }
  | { kind: 'template'; servicePrincipalId: string; templateId: string }
  | { kind: 'snapshot'; id: string };

/** A file name from tenant text: no path separators or characters that file systems refuse. */
export const fileNameOf = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'schema';

const uriOf = (segments: string[], name: string) =>
  vscode.Uri.from({
    scheme: schemaScheme,
    path: `/${[...segments.map(encodeURIComponent), `${fileNameOf(name)}.json`].join('/')}`,
  });

export const jobSchemaUri = (servicePrincipalId: string, jobId: string, name: string) =>
  uriOf(['servicePrincipals', servicePrincipalId, 'jobs', jobId], `${name}.schema`);

export const templateSchemaUri = (servicePrincipalId: string, templateId: string) =>
  uriOf(['servicePrincipals', servicePrincipalId, 'templates', templateId], `${templateId}.template-schema`);

export const snapshotUri = (id: string, name: string) => uriOf(['snapshots', id], name);

/** What a graphsync: URI names, or undefined for a path this scheme does not serve. */
export function schemaResource(uri: vscode.Uri): SchemaResource | undefined {
  if (uri.scheme !== schemaScheme) return undefined;
  const segments = uri.path.split('/').slice(1).map(decodeURIComponent);
  if (segments.length === 3 && segments[0] === 'snapshots') return { kind: 'snapshot', id: segments[1] };
  if (segments.length !== 5 || segments[0] !== 'servicePrincipals') return undefined;
  if (segments[2] === 'jobs') return { kind: 'job', servicePrincipalId: segments[1], jobId: segments[3] };
  if (segments[2] === 'templates')
    return { kind: 'template', servicePrincipalId: segments[1], templateId: segments[3] };
  return undefined;
}

/** The document of a job's schema, for "is it open?". */
export const isJobSchema = (uri: vscode.Uri, jobId: string) => {
  const resource = schemaResource(uri);
  return resource?.kind === 'job' && resource.jobId === jobId;
};
