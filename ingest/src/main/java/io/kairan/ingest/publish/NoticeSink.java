package io.kairan.ingest.publish;

import io.kairan.model.DeadLetter;
import io.kairan.model.notice.Notice;

/** Where an import writes: notices and dead letters, each acknowledged before the import ends. */
public interface NoticeSink extends AutoCloseable {
  void publish(Notice notice);

  void deadLetter(DeadLetter letter);

  /** Blocks until everything sent so far is acknowledged; throws when anything was not. */
  void flush();

  @Override
  void close();
}
