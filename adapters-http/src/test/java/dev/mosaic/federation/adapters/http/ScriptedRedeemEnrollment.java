package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.RedeemEnrollmentCommand;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Answers every redemption as the test scripted it, and records the commands it got. */
final class ScriptedRedeemEnrollment implements RedeemEnrollmentUseCase {
  private final List<RedeemEnrollmentCommand> received = new CopyOnWriteArrayList<>();
  private volatile Function<RedeemEnrollmentCommand, RedeemEnrollmentResult> script =
      command -> new RedeemEnrollmentResult.UnknownToken();

  void answer(RedeemEnrollmentResult result) {
    script = command -> result;
  }

  void answer(Function<RedeemEnrollmentCommand, RedeemEnrollmentResult> value) {
    script = value;
  }

  List<RedeemEnrollmentCommand> received() {
    return List.copyOf(received);
  }

  @Override
  public RedeemEnrollmentResult redeem(RedeemEnrollmentCommand command) {
    received.add(command);
    return script.apply(command);
  }
}
