package org.qiao.matching.domain.ranking;

import java.util.UUID;

/** An open demand as student → demands ranking reads it. */
public record OpenDemand(UUID demandId, String enterpriseCode, DemandCriteria criteria) {}
