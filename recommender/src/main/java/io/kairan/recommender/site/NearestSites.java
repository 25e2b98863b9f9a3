package io.kairan.recommender.site;

import io.kairan.model.notice.GeoPoint;
import io.kairan.model.site.EvacuationSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A k-d tree over sites as points on the unit sphere: the straight (chord) distance between two
 * such points grows with the great-circle distance, so the nearest by chord is the nearest on the
 * ground, at any latitude and across the antimeridian, with no projection to get wrong. A query
 * visits about log n nodes where a scan visits all of them.
 */
final class NearestSites {
  private final EvacuationSite[] sites;
  private final double[][] points;
  // The tree is the arrays in median order: node i's subtrees are [from, i) and (i, to).
  private final int[] axes;

  NearestSites(List<EvacuationSite> given) {
    List<EvacuationSite> sorted = new ArrayList<>(given);
    // Ties in distance go to the smaller id, whatever the order the sites came in.
    sorted.sort(Comparator.comparing(EvacuationSite::id));
    int n = sorted.size();
    sites = new EvacuationSite[n];
    points = new double[n][];
    axes = new int[n];
    Integer[] order = new Integer[n];
    double[][] all = new double[n][];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      all[i] = unitVector(sorted.get(i).location());
    }
    build(order, 0, n, 0, sorted, all);
  }

  private void build(
      Integer[] order, int from, int to, int depth, List<EvacuationSite> given, double[][] all) {
    if (from >= to) {
      return;
    }
    int axis = depth % 3;
    java.util.Arrays.sort(
        order,
        from,
        to,
        Comparator.comparingDouble((Integer i) -> all[i][axis]).thenComparing(i -> i));
    int mid = (from + to) >>> 1;
    for (int i = from; i < to; i++) {
      sites[i] = given.get(order[i]);
      points[i] = all[order[i]];
    }
    axes[mid] = axis;
    build(order, from, mid, depth + 1, given, all);
    build(order, mid + 1, to, depth + 1, given, all);
  }

  boolean isEmpty() {
    return sites.length == 0;
  }

  /** The site nearest to {@code at}; empty when there is none. */
  Optional<EvacuationSite> nearest(GeoPoint at) {
    if (sites.length == 0) {
      return Optional.empty();
    }
    double[] q = unitVector(at);
    Best best = new Best();
    search(q, 0, sites.length, best);
    return Optional.of(sites[best.index]);
  }

  private void search(double[] q, int from, int to, Best best) {
    if (from >= to) {
      return;
    }
    int mid = (from + to) >>> 1;
    double d = squared(q, points[mid]);
    if (d < best.distance || (d == best.distance && isBefore(mid, best.index))) {
      best.distance = d;
      best.index = mid;
    }
    double delta = q[axes[mid]] - points[mid][axes[mid]];
    boolean left = delta < 0;
    search(q, left ? from : mid + 1, left ? mid : to, best);
    // The other side can hold a nearer (or equally near, smaller id) site only within delta.
    if (delta * delta <= best.distance) {
      search(q, left ? mid + 1 : from, left ? to : mid, best);
    }
  }

  private boolean isBefore(int candidate, int current) {
    return current < 0 || sites[candidate].id().compareTo(sites[current].id()) < 0;
  }

  private static final class Best {
    double distance = Double.POSITIVE_INFINITY;
    int index = -1;
  }

  static double[] unitVector(GeoPoint p) {
    double lat = Math.toRadians(p.lat());
    double lon = Math.toRadians(p.lon());
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }

  private static double squared(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    double dz = a[2] - b[2];
    return dx * dx + dy * dy + dz * dz;
  }
}
