-- Issue #9 §8 and #10 §2.

-- 好差评: the rectification's engine state mirrored on the rating (kept in step by a workflow signal), so lists and
-- statistics filter and count by it without reading the engine's tables.
alter table rating_rating add column rectification_state text;
update rating_rating r set rectification_state = w.state
  from workflow_instance w where w.id = r.rectification_instance_id;
create index rating_rating_rater_idx on rating_rating (rater_id);

-- 惠企政策: a pushed match the enterprise no longer satisfies is withdrawn (kept, with the conditions that now fail);
-- matching again later reinstates it and pushes once more.
alter table policy_match
  add column withdrawn_at timestamptz,
  add column withdrawn_reasons jsonb not null default '[]';
