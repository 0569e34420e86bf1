/** TypeBox schemas shared by API routes, validation and the OpenAPI document. */
import { Type } from 'typebox';
import { ORGANISATION_KINDS, ROLES } from '../../domains/identity/roles.rules.ts';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const RoleSchema = Type.Enum(ROLES);
export const OrganisationKindSchema = Type.Enum(ORGANISATION_KINDS);

export const Organisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  odsCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: OrganisationKindSchema,
  parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  postcode: Type.Union([Type.String(), Type.Null()]),
});

export const ApiKey = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  role: RoleSchema,
  prefix: Type.String(),
  organisationId: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

/** A paginated list envelope. */
export function pageOf<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({ items: Type.Array(item), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });
}

export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
};
