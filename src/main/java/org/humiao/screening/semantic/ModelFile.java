package org.humiao.screening.semantic;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * The envelope of the semantic tier's model files, like toxicity.bin's: big-endian int magic,
 * short version, short+bytes UTF-8 metadata, the body, and an int CRC32 of everything before it.
 */
final class ModelFile {
  /** What a body writer may throw: nothing but the stream's own IOException. */
  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** A parsed file: its version, its metadata and a buffer positioned at the start of the body. */
  record Parsed(short version, String metadata, ByteBuffer body) {}

  private ModelFile() {}

  static byte[] toBytes(int magic, short version, String metadata, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      out.writeShort(version);
      byte[] meta = metadata.getBytes(StandardCharsets.UTF_8);
      if (meta.length > 0xFFFF) {
        throw new IllegalArgumentException("metadata too long");
      }
      out.writeShort(meta.length);
      out.write(meta);
      body.write(out);
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a byte array
    }
    return bytes.toByteArray();
  }

  /** Checks magic, version and CRC; throws {@link IllegalArgumentException} naming what is wrong. */
  static Parsed parse(byte[] data, int magic, short version, String what) {
    return parse(data, magic, version, version, what);
  }

  /** As {@link #parse(byte[], int, short, String)}, for a format whose older versions still load. */
  static Parsed parse(byte[] data, int magic, short oldest, short newest, String what) {
    if (data.length < 4 + 2 + 2 + 4) {
      throw new IllegalArgumentException(what + " file too short");
    }
    ByteBuffer in = ByteBuffer.wrap(data, 0, data.length - 4);
    if (in.getInt() != magic) {
      throw new IllegalArgumentException("not a " + what + " file (bad magic)");
    }
    short v = in.getShort();
    if (v < oldest || v > newest) {
      throw new IllegalArgumentException("unsupported " + what + " version " + v);
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 4);
    if (ByteBuffer.wrap(data, data.length - 4, 4).getInt() != (int) crc.getValue()) {
      throw new IllegalArgumentException("checksum mismatch (corrupt " + what + " file)");
    }
    byte[] meta = new byte[in.getShort() & 0xFFFF];
    in.get(meta);
    return new Parsed(v, new String(meta, StandardCharsets.UTF_8), in.slice());
  }

  /** Writes atomically (temporary file + rename), as toxicity.bin is written. */
  static void write(Path path, byte[] bytes) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    try {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static float[] floats(ByteBuffer in, int n) {
    float[] v = new float[n];
    in.asFloatBuffer().get(v);
    in.position(in.position() + 4 * n);
    return v;
  }

  static void writeFloats(DataOutputStream out, float[] v) throws IOException {
    for (float x : v) {
      out.writeFloat(x);
    }
  }
}
