package org.humiao.bench.load;

import org.humiao.cli.ServeCommand;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * {@code ServeAt HH:mm [serve flags...]}: the service as {@code serve} runs it, but with its clock
 * set so that it reads HH:mm in Asia/Shanghai today when it starts. Minor mode's answers depend on
 * the hour (before 22:00 minors play and their seconds are counted; in the curfew half the requests
 * are refused and each refusal is journaled as an event), so load figures taken at a stated hour
 * can be compared and repeated whenever they are taken. Prints the offset to give the harness
 * ({@code --clock-offset}), whose heartbeats must report play by the service's clock.
 */
public final class ServeAt {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ServeAt() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java -cp benchmarks/target/benchmarks.jar org.humiao.bench.load.ServeAt HH:mm "
          + "[--port N] [--data-dir DIR] [--config FILE] [--lexicons DIR]");
      System.exit(2);
    }
    ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
    ZonedDateTime at = now.with(LocalTime.parse(args[0]));
    Duration offset = Duration.ofSeconds(at.toEpochSecond() - now.toEpochSecond());
    System.out.println("clock offset " + offset.toSeconds() + " s: the service's clock reads " + args[0]
        + " Asia/Shanghai now; run the harness with --clock-offset " + offset.toSeconds());
    System.exit(ServeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out,
        Clock.offset(Clock.systemUTC(), offset)));
  }
}
