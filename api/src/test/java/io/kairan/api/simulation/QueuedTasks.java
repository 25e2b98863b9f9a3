package io.kairan.api.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor that runs what it was given only when the test says so, on the test's thread. */
final class QueuedTasks implements Executor {
  private final List<Runnable> queued = new ArrayList<>();

  @Override
  public synchronized void execute(Runnable task) {
    queued.add(task);
  }

  synchronized int size() {
    return queued.size();
  }

  void runAll() {
    List<Runnable> now;
    synchronized (this) {
      now = List.copyOf(queued);
      queued.clear();
    }
    now.forEach(Runnable::run);
  }
}
