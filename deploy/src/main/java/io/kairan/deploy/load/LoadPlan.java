package io.kairan.deploy.load;

import io.kairan.deploy.cli.Tool.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the load command runs, checked: every shape at every parallelism, each on a fresh cluster.
 *
 * @param publishers the identities the one city's notices rotate over: the API allows each client
 *     40 writes a second, so no identity is asked for more than 20
 */
record LoadPlan(
    int residents,
    double noticeRate,
    int notices,
    List<LoadShape> shapes,
    List<Integer> parallelisms,
    int checkpointMs,
    int publishers) {

  /** The session cluster's two TaskManagers have two slots each. */
  static final int MAX_PARALLELISM = 4;

  static final double MAX_NOTICE_RATE = 500;
  static final int MAX_RESIDENTS = 5_000_000;
  static final double PER_PUBLISHER = 20;

  static LoadPlan of(
      long residents,
      double noticeRate,
      long notices,
      String shape,
      String parallelisms,
      long checkpointMs) {
    if (residents < 1 || residents > MAX_RESIDENTS) {
      throw new UsageException(
          "--residents takes 1 to " + MAX_RESIDENTS + " residents, not " + residents);
    }
    if (!(noticeRate > 0) || noticeRate > MAX_NOTICE_RATE) {
      throw new UsageException(
          "--notice-rate takes notices per second above 0 and up to "
              + (int) MAX_NOTICE_RATE
              + ", not "
              + noticeRate);
    }
    if (notices < 1 || notices > 1_000_000) {
      throw new UsageException("--notices takes 1 to 1000000 notices, not " + notices);
    }
    if (checkpointMs < 1000) {
      throw new UsageException(
          "--checkpoint-interval-ms takes at least 1000 ms, not " + checkpointMs);
    }
    List<LoadShape> shapes = shapes(shape);
    if (shapes.contains(LoadShape.MANY) && residents < LoadShape.MANY.municipalities()) {
      throw new UsageException(
          "--residents: the shape 'many' needs at least one resident in each of its "
              + LoadShape.MANY.municipalities()
              + " municipalities, not "
              + residents);
    }
    return new LoadPlan(
        (int) residents,
        noticeRate,
        (int) notices,
        shapes,
        parallelisms(parallelisms),
        (int) checkpointMs,
        (int) Math.max(1, Math.ceil(noticeRate / PER_PUBLISHER)));
  }

  private static List<LoadShape> shapes(String shape) {
    return switch (shape.toLowerCase(Locale.ROOT)) {
      case "one" -> List.of(LoadShape.ONE);
      case "many" -> List.of(LoadShape.MANY);
      case "both" -> List.of(LoadShape.ONE, LoadShape.MANY);
      default -> throw new UsageException("--shape takes one, many or both, not " + shape);
    };
  }

  /** A comma-separated list of distinct parallelisms of 1 to 4, run in the order given. */
  static List<Integer> parallelisms(String list) {
    List<Integer> parallelisms = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      int p;
      try {
        p = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw new UsageException(
            "--parallelism takes a list like 1,2 of whole numbers, not '" + list + "'");
      }
      if (p < 1 || p > MAX_PARALLELISM) {
        throw new UsageException(
            "--parallelism: each from 1 to "
                + MAX_PARALLELISM
                + " (two TaskManagers with two slots each), not "
                + p);
      }
      if (parallelisms.contains(p)) {
        throw new UsageException("--parallelism names " + p + " twice");
      }
      parallelisms.add(p);
    }
    return List.copyOf(parallelisms);
  }

  /**
   * Residents per municipality in a shape (the first ones get one more when it does not divide).
   */
  int residentsPerMunicipality(LoadShape shape) {
    return residents / shape.municipalities();
  }
}
