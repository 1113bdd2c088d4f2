package dev.dbscim.examples.bench;

/**
 * One client under comparison. Each operation runs on the calling thread (the client may use its own threads inside)
 * and checks its own result, so a contender that skips work fails instead of looking fast.
 */
interface Contender extends AutoCloseable {

  /** Returns the short name printed in the table. */
  String name();

  /** Lists every user (10,000 in 100 per page) and returns how many it saw. */
  int listAll();

  /** Creates {@code count} users one by one and returns how many came back with a server-assigned id. */
  int create(int count);

  @Override
  void close();
}
