package org.humiao.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A disk for tests, in the style of SQLite's crash-test VFS: the channels that {@link PrivateFiles}
 * opens on the chosen files write through to the real file (the page cache, which reads see), and
 * this disk keeps, per file, the image of what was last forced. {@link #powerLoss} puts every file
 * back to that image, throwing away whatever was written and not forced (optionally keeping a torn
 * first half of the oldest unforced write), and kills the old channels, as a machine losing power
 * does. {@link #holdForces} stops every {@code force()} on a latch, so a test can see what answers
 * leave while a write is on its way to the disk but not yet there.
 *
 * <p>Installed for the whole JVM through {@link PrivateFiles}' test seam (the tests run one at a
 * time in one JVM); {@link #close()} puts the real opener back. Not modelled: directory entries (a file created or renamed and not yet synced
 * into its directory survives here), and writes to files other than the chosen ones.
 */
public final class CrashDisk implements AutoCloseable {
  private final Predicate<Path> chosen;
  private final Map<Path, Image> images = new ConcurrentHashMap<>();
  private volatile Hold hold;
  private volatile boolean dead;

  private CrashDisk(Predicate<Path> chosen) {
    this.chosen = chosen;
  }

  /** Opens through this disk every file {@code chosen} accepts, from now until {@link #close()}. */
  public static CrashDisk install(Predicate<Path> chosen) {
    CrashDisk disk = new CrashDisk(chosen);
    PrivateFiles.opener = disk::open;
    return disk;
  }

  /** A hold on every force until {@link #release()}; {@link #awaitReached} sees a force arrive. */
  public static final class Hold {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public boolean awaitReached(long millis) throws InterruptedException {
      return reached.await(millis, TimeUnit.MILLISECONDS);
    }

    public void release() {
      released.countDown();
    }
  }

  /** From now on, every force of a chosen file waits (before syncing anything) until the hold is released. */
  public Hold holdForces() {
    Hold h = new Hold();
    hold = h;
    return h;
  }

  /**
   * The power fails: every chosen file becomes what was last forced of it (plus, with {@code tear},
   * the first half of its oldest unforced write), every channel open on one fails from now on, a
   * held force is let go (it then fails too), and opening a chosen file fails until {@link
   * #close()}, so the writers of the machine that lost power cannot touch the files again while
   * the test shuts them down. Returns how many torn bytes were kept.
   */
  public long powerLoss(boolean tear) throws IOException {
    dead = true;
    long torn = 0;
    for (Image image : images.values()) {
      torn += image.lose(tear);
    }
    images.clear();
    Hold h = hold;
    if (h != null) {
      h.release();
    }
    return torn;
  }

  @Override
  public void close() {
    PrivateFiles.opener = FileChannel::open;
    Hold h = hold;
    if (h != null) {
      h.release();
    }
  }

  private FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
      throws IOException {
    if (!chosen.test(file) || !options.contains(StandardOpenOption.WRITE)) {
      return FileChannel.open(file, options, attributes);
    }
    if (dead) {
      throw new IOException("power lost: " + file);
    }
    if (options.contains(StandardOpenOption.APPEND)) {
      throw new UnsupportedOperationException("CrashDisk does not model APPEND");
    }
    Path key = file.toAbsolutePath().normalize();
    boolean existed = Files.exists(key);
    FileChannel real = FileChannel.open(file, options, attributes);
    // a file first seen, or made anew where an earlier one was renamed away, starts as forced
    // (directory entries are not modelled); one already known keeps what it owes
    Image image = images.compute(key, (k, known) -> known != null && existed ? known : new Image(k, readAll(k)));
    if (existed && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
      image.truncated(0);
    }
    return new Channel(real, image);
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One file: its forced bytes, and the writes and truncations made since, in order. */
  private final class Image {
    private final Path file;
    private byte[] forced;
    private final List<Object> unforced = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private boolean lost;

    Image(Path file, byte[] forced) {
      this.file = file;
      this.forced = forced;
    }

    private record Write(long position, byte[] bytes) {}

    private record Truncate(long size) {}

    synchronized void wrote(long position, byte[] bytes) throws IOException {
      alive();
      unforced.add(new Write(position, bytes));
    }

    synchronized void truncated(long size) throws IOException {
      alive();
      unforced.add(new Truncate(size));
    }

    /** fsync of any channel on the file makes every write to the file durable, as the kernel does. */
    void force() throws IOException {
      Hold h = hold;
      if (h != null) {
        h.reached.countDown();
        try {
          h.released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted in a held force", e);
        }
      }
      synchronized (this) {
        alive();
        for (Object op : unforced) {
          forced = apply(forced, op, Integer.MAX_VALUE);
        }
        unforced.clear();
      }
    }

    private void alive() throws IOException {
      if (lost) {
        throw new IOException("power lost: " + file);
      }
    }

    /** Returns how many bytes of a torn write were kept. */
    synchronized long lose(boolean tear) throws IOException {
      lost = true;
      byte[] left = forced;
      long torn = 0;
      if (tear) {
        for (Object op : unforced) {
          if (op instanceof Write w) {
            left = apply(left, w, w.bytes.length / 2);
            torn = w.bytes.length / 2;
            break;
          }
        }
      }
      for (Channel channel : channels) {
        channel.real.close();
      }
      if (Files.exists(file)) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          PrivateFiles.writeFully(out, ByteBuffer.wrap(left));
          out.force(true);
        }
      }
      return torn;
    }

    private static byte[] apply(byte[] image, Object op, int maxBytes) {
      if (op instanceof Truncate t) {
        return t.size < image.length ? Arrays.copyOf(image, (int) t.size) : image;
      }
      Write w = (Write) op;
      int length = Math.min(w.bytes.length, maxBytes);
      int end = (int) w.position + length;
      byte[] out = end > image.length ? Arrays.copyOf(image, end) : image;
      System.arraycopy(w.bytes, 0, out, (int) w.position, length);
      return out;
    }
  }

  /** A real channel whose writes and truncations are also noted in its file's image. */
  private static final class Channel extends FileChannel {
    private final FileChannel real;
    private final Image image;

    Channel(FileChannel real, Image image) {
      this.real = real;
      this.image = image;
      synchronized (image) {
        image.channels.add(this);
      }
    }

    private static byte[] remaining(ByteBuffer src, int written) {
      byte[] bytes = new byte[written];
      src.get(bytes);
      return bytes;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return write(src, real.position(), true);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      return write(src, position, false);
    }

    private synchronized int write(ByteBuffer src, long position, boolean advance) throws IOException {
      image.alive();
      ByteBuffer copy = src.duplicate();
      int written = advance ? real.write(src) : real.write(src, position);
      image.wrote(position, remaining(copy, written));
      return written;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      long total = 0;
      for (int i = offset; i < offset + length; i++) {
        total += write(srcs[i]);
      }
      return total;
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      image.alive();
      real.truncate(size);
      image.truncated(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      image.alive();
      real.force(metaData);
      image.force();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      real.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return real.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
      throw new UnsupportedOperationException("CrashDisk does not model transferFrom");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      if (mode != MapMode.READ_ONLY) {
        throw new UnsupportedOperationException("CrashDisk does not model writable maps");
      }
      return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      real.close();
    }
  }
}
