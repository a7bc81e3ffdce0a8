import { Router } from 'express';
import { requireRole } from '../../accounts/guards.ts';
import type { FaceDeps } from '../face/face-deps.ts';
import { confirmLogoRemoval, showFace, submitFace, submitLogo, submitLogoRemoval } from './face-handlers.ts';

/**
 * A structure's face (logo, brand colour, signatory): administrators of the network, and those granted
 * `admin` on the structure or above it; anyone else gets 404 for a structure outside their scope.
 */
export function faceRoutes(deps: FaceDeps): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.get('/admin/structures/:code/face', ...admin, showFace(deps));
  router.post('/admin/structures/:code/face', ...admin, submitFace(deps));
  router.post('/admin/structures/:code/face/logo', ...admin, submitLogo(deps));
  router.get('/admin/structures/:code/face/logo/remove', ...admin, confirmLogoRemoval(deps));
  router.post('/admin/structures/:code/face/logo/remove', ...admin, submitLogoRemoval(deps));
  return router;
}

/** The multipart route that checks its CSRF token itself, while reading the upload (server/http/csrf.ts). */
export function isLogoUpload(req: { method: string; path: string }): boolean {
  return req.method === 'POST' && /^\/admin\/structures\/[a-z0-9-]+\/face\/logo$/.test(req.path);
}
