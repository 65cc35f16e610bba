package dev.mosaic.federation.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostPortTest {

  @Test
  void parse_hostAndPort_splitsThem() {
    assertThat(HostPort.parse("work.example:8443")).contains(new HostPort("work.example", 8443));
    assertThat(HostPort.parse("[::1]:8080")).contains(new HostPort("::1", 8080));
  }

  @Test
  void parse_withoutPortOrOutOfRange_isEmpty() {
    assertThat(HostPort.parse("work.example")).isEmpty();
    assertThat(HostPort.parse("work.example:65536")).isEmpty();
    assertThat(HostPort.parse(":8080")).isEmpty();
    assertThat(HostPort.parse("::1:8080")).isEmpty();
  }

  @Test
  void isLoopback_forLoopbackAndOtherHosts_tellsThemApart() {
    assertThat(new HostPort("127.0.0.1", 1).isLoopback()).isTrue();
    assertThat(new HostPort("::1", 1).isLoopback()).isTrue();
    assertThat(new HostPort("localhost", 1).isLoopback()).isTrue();
    assertThat(new HostPort("0.0.0.0", 1).isLoopback()).isFalse();
  }

  @Test
  void toString_ofIpv6Host_bracketsIt() {
    assertThat(new HostPort("::1", 8080)).hasToString("[::1]:8080");
  }
}
