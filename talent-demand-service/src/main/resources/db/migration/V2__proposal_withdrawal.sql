-- Universities may withdraw a proposal (qiao.proposal.withdrawn.v1 from curriculum-service).
alter table proposal add column withdrawn_at timestamp with time zone;
