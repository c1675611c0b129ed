import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type Admin, type AclEntry } from 'kafkajs';
import { bindingsOf, type AclBinding, type AclGrant } from './acl-plan';

/** A binding as the Kafka admin API takes it: ALLOW, from any host. */
export function aclEntryOf(b: AclBinding): AclEntry {
  return {
    principal: `User:${b.principal}`,
    host: '*',
    operation: AclOperationTypes[b.operation],
    permissionType: AclPermissionTypes.ALLOW,
    resourceType: AclResourceTypes[b.resourceType],
    resourceName: b.resource,
    resourcePatternType: ResourcePatternTypes[b.patternType],
  };
}

/**
 * Grants the plan through the admin API (as a super user): what acls.sh does with kafka-acls.sh in
 * the Docker stack, in one request. Creating an ACL that exists is a no-op.
 */
export async function applyAclPlan(admin: Admin, grants: readonly AclGrant[]): Promise<number> {
  const acl = bindingsOf(grants).map(aclEntryOf);
  await admin.createAcls({ acl });
  return acl.length;
}
