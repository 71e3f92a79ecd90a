package org.humiao.screening.model;

/**
 * Confusion counts of a binary classifier for the positive class (offensive), with the derived
 * precision, recall and F1. Undefined ratios (0/0) are reported as 0.
 */
public record ClassifierMetrics(long tp, long fp, long tn, long fn) {

  public ClassifierMetrics {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  public static ClassifierMetrics of(long tp, long fp, long tn, long fn) {
    return new ClassifierMetrics(tp, fp, tn, fn);
  }

  public long total() {
    return tp + fp + tn + fn;
  }

  public double precision() {
    return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
  }

  public double recall() {
    return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
  }

  public double f1() {
    long d = 2 * tp + fp + fn;
    return d == 0 ? 0.0 : 2.0 * tp / d;
  }

  /** F1 of the negative class (inoffensive), the other half of {@link #macroF1()}. */
  public double negativeF1() {
    long d = 2 * tn + fp + fn;
    return d == 0 ? 0.0 : 2.0 * tn / d;
  }

  /** Mean of both classes' F1, the figure COLD's paper reports beside accuracy. */
  public double macroF1() {
    return (f1() + negativeF1()) / 2;
  }

  public double accuracy() {
    long n = total();
    return n == 0 ? 0.0 : (double) (tp + tn) / n;
  }

  /** Adds one prediction. Returns a new instance (records are immutable). */
  public ClassifierMetrics plus(boolean predicted, boolean actual) {
    if (predicted) {
      return actual ? new ClassifierMetrics(tp + 1, fp, tn, fn) : new ClassifierMetrics(tp, fp + 1, tn, fn);
    }
    return actual ? new ClassifierMetrics(tp, fp, tn, fn + 1) : new ClassifierMetrics(tp, fp, tn + 1, fn);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "P=%.4f R=%.4f F1=%.4f acc=%.4f (tp=%d fp=%d tn=%d fn=%d)",
        precision(), recall(), f1(), accuracy(), tp, fp, tn, fn);
  }
}
