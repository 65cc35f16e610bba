package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.Embedder;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureHashingEmbedderTest {
  private final FeatureHashingEmbedder embedder = new FeatureHashingEmbedder();

  private static double cosine(List<Float> a, List<Float> b) {
    double dot = 0;
    for (int i = 0; i < a.size(); i++) {
      dot += a.get(i) * b.get(i);
    }
    return dot;
  }

  @Test
  void embed_anyText_givesNormalisedVectorOf256() {
    List<Float> embedding = embedder.embed("The quarterly budget review");

    assertThat(embedding).hasSize(Embedder.DIMENSIONS);
    assertThat(cosine(embedding, embedding))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void embed_sameTextTwice_givesEqualVectors() {
    assertThat(new FeatureHashingEmbedder().embed("Deploy the gateway on Friday"))
        .isEqualTo(embedder.embed("Deploy the gateway on Friday"));
  }

  @Test
  void embed_caseAndPunctuation_areIgnored() {
    assertThat(embedder.embed("Hello, World!")).isEqualTo(embedder.embed("hello world"));
  }

  @Test
  void embed_similarTexts_areCloserThanUnrelatedOnes() {
    List<Float> query = embedder.embed("gardening tomatoes");
    double similar = cosine(query, embedder.embed("gardener grows tomato plants"));
    double unrelated = cosine(query, embedder.embed("quarterly invoice payment deadline"));

    assertThat(similar).isGreaterThan(unrelated + 0.2);
  }

  @Test
  void embed_textWithoutWords_givesZeroVector() {
    assertThat(embedder.embed("  ...  ")).hasSize(Embedder.DIMENSIONS).containsOnly(0f);
  }
}
