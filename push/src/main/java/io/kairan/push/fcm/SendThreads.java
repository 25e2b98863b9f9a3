package io.kairan.push.fcm;

import com.google.firebase.FirebaseApp;
import com.google.firebase.ThreadManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Admin SDK's threads, as many as sends may be in flight. The SDK sends each message on a
 * thread of its own and blocks there until FCM answers; its default is 100 threads shared by all
 * apps (firebase-admin 9.11 {@code FirebaseThreadManagers.DefaultThreadManager}), which caps the
 * sends in flight at 100: about 1,300 a second when FCM answers in 75 ms, an eighth of the quota.
 * Idle threads end after a minute.
 */
final class SendThreads extends ThreadManager {
  private final int threads;
  private final AtomicInteger count = new AtomicInteger();

  SendThreads(int threads) {
    this.threads = threads;
  }

  @Override
  protected ExecutorService getExecutor(FirebaseApp app) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            getThreadFactory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Override
  protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
    executor.shutdownNow();
  }

  @Override
  protected ThreadFactory getThreadFactory() {
    return task -> {
      Thread thread = new Thread(task, "fcm-send-" + count.incrementAndGet());
      thread.setDaemon(true); // a send in flight must not keep a stopping JVM alive
      return thread;
    };
  }
}
