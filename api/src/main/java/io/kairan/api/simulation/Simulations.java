package io.kairan.api.simulation;

import io.kairan.api.comparison.FiguresSettings;
import io.kairan.api.ledger.LedgerNotReadyException;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.ledger.NoticeVersions;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.reach.ActiveRules;
import io.kairan.api.reach.ResidentIndex;
import io.kairan.api.reach.ResidentIndexNotReadyException;
import io.kairan.api.rules.RuleDrafts;
import io.kairan.model.Problems;
import io.kairan.model.notice.Notice;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs simulations in the background, at most {@code simulations} at once (each holds a core for a
 * while; one more is refused, not queued, so nobody waits behind work they cannot see), on the
 * residents as the API holds them at the start and the notice versions of the ledger. A finished
 * simulation's figures are kept for {@code keep-simulations}, then forgotten; all are lost with a
 * restart (they are recomputed in a minute, and nothing else depends on them).
 */
@Component
public class Simulations {
  private static final Logger log = LoggerFactory.getLogger(Simulations.class);
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ResidentIndex residents;
  private final NoticeLedger ledger;
  private final ActiveRules rules;
  private final FiguresSettings settings;
  private final Clock clock;
  private final Semaphore running;
  private final Executor executor;

  /** The busy answer: every slot is running a simulation. */
  static class BusyException extends RuntimeException {
    BusyException(int slots) {
      super(
          slots
              + " simulation(s) already running, the most the API runs at once; try again when it"
              + " is done.");
    }
  }

  @Autowired
  Simulations(
      ResidentIndex residents,
      NoticeLedger ledger,
      ActiveRules rules,
      FiguresSettings settings,
      Clock clock) {
    this(
        residents,
        ledger,
        rules,
        settings,
        clock,
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "kairan-simulation");
              t.setDaemon(true);
              // Serving requests comes first; a simulation takes what is left.
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            }));
  }

  /** With the executor the simulations run on (a test runs them when it chooses). */
  Simulations(
      ResidentIndex residents,
      NoticeLedger ledger,
      ActiveRules rules,
      FiguresSettings settings,
      Clock clock,
      Executor executor) {
    this.residents = residents;
    this.ledger = ledger;
    this.rules = rules;
    this.settings = settings;
    this.clock = clock;
    this.running = new Semaphore(settings.simulations());
    this.executor = executor;
  }

  private final class Job {
    final String id = UUID.randomUUID().toString();
    final RuleSet candidate;
    final RuleSet active;
    final int days;
    final String by;
    final Instant startedAt;
    volatile double progress;
    volatile Instant finishedAt;
    volatile SimulationFigures figures;
    volatile String error;

    Job(RuleSet candidate, RuleSet active, int days, String by, Instant startedAt) {
      this.candidate = candidate;
      this.active = active;
      this.days = days;
      this.by = by;
      this.startedAt = startedAt;
    }

    void run() {
      try {
        Instant to = startedAt;
        Instant from = to.minus(Duration.ofDays(days));
        ResidentIndex.Snapshot now = residents.snapshot();
        List<Notice> versions = new ArrayList<>();
        for (NoticeVersions notice : ledger.all()) {
          versions.addAll(notice.versions());
        }
        figures =
            Simulation.run(
                new Simulation.Input(
                    now.profiles(),
                    now.groups(),
                    versions,
                    active,
                    candidate,
                    from,
                    to,
                    settings.zone()),
                Simulation.Method.INDEX,
                done -> progress = done);
        progress = 1;
      } catch (RuntimeException e) {
        log.warn("simulation {} failed", id, e);
        error = "The simulation failed: " + e.getMessage();
      } finally {
        finishedAt = clock.instant();
        running.release();
      }
    }

    SimulationStatus status() {
      SimulationStatus.State state =
          finishedAt == null
              ? SimulationStatus.State.RUNNING
              : error == null ? SimulationStatus.State.DONE : SimulationStatus.State.FAILED;
      return new SimulationStatus(
          id,
          state,
          progress,
          days,
          candidate.label(),
          active.label(),
          by,
          startedAt,
          finishedAt,
          figures,
          error);
    }
  }

  /** Checks the request and starts it; its status at once. */
  SimulationStatus start(SimulationRequest request, String by) {
    RuleSet candidate = check(request);
    if (!residents.isCaughtUp() || !rules.isCaughtUp()) {
      throw new ResidentIndexNotReadyException();
    }
    if (!ledger.isCaughtUp()) {
      throw new LedgerNotReadyException();
    }
    forgetOld();
    if (!running.tryAcquire()) {
      throw new BusyException(settings.simulations());
    }
    Job job;
    try {
      job = new Job(candidate, rules.active(), request.days(), by, clock.instant());
      jobs.put(job.id, job);
      executor.execute(job::run);
    } catch (RuntimeException e) {
      running.release();
      throw e;
    }
    return job.status();
  }

  SimulationStatus status(String id) {
    forgetOld();
    Job job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException(
          "No simulation "
              + id
              + " (a finished one is kept for "
              + settings.keepSimulations()
              + ")");
    }
    return job.status();
  }

  private RuleSet check(SimulationRequest request) {
    Problems problems = new Problems();
    if (request == null) {
      problems.add("rules", "is required").add("days", "is required").throwIfAny();
    }
    problems.notNull(request.rules(), "rules");
    int most = settings.maxSimulationDays();
    problems.require(
        request.days() != null && request.days() >= 1 && request.days() <= most,
        "days",
        "must be between 1 and " + most);
    RuleSet candidate = null;
    if (request.rules() != null) {
      candidate = RuleDrafts.stamped(request.rules(), RuleSlot.SHADOW, clock.instant());
      problems.addAll("rules", candidate.problems());
    }
    problems.throwIfAny();
    return candidate;
  }

  private void forgetOld() {
    Instant cutoff = clock.instant().minus(settings.keepSimulations());
    jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(cutoff));
  }
}
