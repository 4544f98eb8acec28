/** `/image/v2/…` (devstack's uwsgi mount) and `/v2/…` are the same request. */
export const normaliseImagePath = (path: string): string => path.replace(/^\/image(?=\/v[12]\/)/, '');
