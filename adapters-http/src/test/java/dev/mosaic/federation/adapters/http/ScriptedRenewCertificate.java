package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RenewCertificateCommand;
import dev.mosaic.federation.application.port.in.RenewCertificateResult;
import dev.mosaic.federation.application.port.in.RenewCertificateUseCase;
import dev.mosaic.federation.application.port.in.ServeRefused;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers renewals as the test scripted it (by default: forbidden) and records what it was asked.
 */
final class ScriptedRenewCertificate implements RenewCertificateUseCase {
  private final List<RenewCertificateCommand> calls = new CopyOnWriteArrayList<>();
  private volatile RenewCertificateResult answer = new ServeRefused(Refusal.FORBIDDEN, "forbidden");

  void answer(RenewCertificateResult result) {
    answer = result;
  }

  List<RenewCertificateCommand> calls() {
    return List.copyOf(calls);
  }

  @Override
  public RenewCertificateResult renew(RenewCertificateCommand command) {
    calls.add(command);
    return answer;
  }
}
