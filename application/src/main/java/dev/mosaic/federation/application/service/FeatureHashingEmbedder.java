package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.out.Embedder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic, dependency-free {@link Embedder}: the lower-cased word tokens of the text and
 * the character trigrams of each word (padded with spaces) are hashed (FNV-1a) into {@link
 * Embedder#DIMENSIONS} buckets with a hash-derived sign, then the vector is L2-normalised. Texts
 * sharing words or word fragments end up close; it is no language model, but it is stable across
 * processes and versions, which the demo and the tests need.
 */
public final class FeatureHashingEmbedder implements Embedder {
  private static final double WORD_WEIGHT = 1.0;
  private static final double TRIGRAM_WEIGHT = 0.5;

  @Inject
  public FeatureHashingEmbedder() {}

  @Override
  public List<Float> embed(String text) {
    double[] vector = new double[DIMENSIONS];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      add(vector, "w:" + word, WORD_WEIGHT);
      String padded = " " + word + " ";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        add(vector, "t:" + padded.substring(i, i + 3), TRIGRAM_WEIGHT);
      }
    }
    double norm = 0;
    for (double v : vector) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    List<Float> embedding = new ArrayList<>(DIMENSIONS);
    for (double v : vector) {
      embedding.add(norm == 0 ? 0f : (float) (v / norm));
    }
    return Collections.unmodifiableList(embedding);
  }

  private static void add(double[] vector, String feature, double weight) {
    long hash = fnv1a(feature);
    int bucket = (int) Long.remainderUnsigned(hash, DIMENSIONS);
    double sign = ((hash >>> 40) & 1) == 0 ? 1 : -1;
    vector[bucket] += sign * weight;
  }

  private static long fnv1a(String feature) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
