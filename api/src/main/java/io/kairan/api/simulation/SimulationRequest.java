package io.kairan.api.simulation;

import io.kairan.model.rules.RuleSet;

/**
 * A simulation's body: the candidate rule set (as published to a slot: its slot and time are
 * ignored) and how many days of notices, back from now, to replay it over.
 */
record SimulationRequest(RuleSet rules, Integer days) {}
