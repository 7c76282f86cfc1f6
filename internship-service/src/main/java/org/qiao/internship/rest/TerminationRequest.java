package org.qiao.internship.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.TerminationReason;

@Schema(name = "Termination", description = "Why the internship ends early, as a code")
public record TerminationRequest(@NotNull TerminationReason reason) {}
