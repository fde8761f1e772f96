-- Issue #9 §8: a task may be held by several roles (the unit's handler, or the town's clerk when a 12345 order is
-- dispatched to a town), and a post holds it only with one of those roles and the task's department.
alter table workflow_task add column assignee_roles text[] not null default '{}';
update workflow_task set assignee_roles = array[assignee_role] where assignee_role is not null;
create index workflow_task_open_roles_idx on workflow_task using gin (assignee_roles) where status = 'open';

-- The unit steps of the 12345 work order name both roles, in the definition versions that running orders are
-- pinned to as in the current one, and in the open tasks of those steps.
update workflow_definition
   set spec = jsonb_set(
     jsonb_set(spec, '{states,pending_ack,assignee}',
       '{"roles": ["handling_unit", "town_clerk"], "department": {"from": "context.unitId"}}'),
     '{states,handling,assignee}',
     '{"roles": ["handling_unit", "town_clerk"], "department": {"from": "context.unitId"}}')
 where key = 'hotline.order' and spec #> '{states,pending_ack,assignee}' is not null
   and spec #> '{states,handling,assignee}' is not null;
update workflow_task t set assignee_roles = '{handling_unit,town_clerk}'
  from workflow_instance i join workflow_definition d on d.id = i.definition_id and d.key = 'hotline.order'
 where i.id = t.instance_id and t.assignee_role = 'handling_unit';
