package dev.mosaic.federation.application.port.in;

/**
 * The requesting side of onboarding (SPEC §5.1 step 3): generates a key pair and CSR, fetches the
 * serving gateway's CA root over a connection verified against the URL's pin and checks the root's
 * fingerprint, only then sends {@code {token, csr}} over a connection verified the same way, checks
 * the returned certificate, seals the private key and stores the link as active. Never logs or
 * returns the token or the private key.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a local store or
 *     the key sealer fails
 */
public interface AddLinkUseCase {
  AddLinkResult add(AddLinkCommand command);
}
