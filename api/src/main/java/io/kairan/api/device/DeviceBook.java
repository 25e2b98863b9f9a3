package io.kairan.api.device;

import io.kairan.api.kafka.TopicBook;
import io.kairan.model.resident.Device;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every registered device, kept from devices.v1 (and the API's own writes at once). */
@Component
public class DeviceBook extends TopicBook<Device> {
  public DeviceBook() {
    super(Device.class);
  }

  @Override
  protected String idOf(Device entry) {
    return entry.id();
  }

  @Override
  protected boolean isWhole(Device entry) {
    return entry.problems().isEmpty();
  }

  /** The resident's devices, the latest registered first. */
  public List<Device> ofResident(String residentId) {
    return all()
        .filter(d -> d.residentId().equals(residentId))
        .sorted(Comparator.comparing(Device::registeredAt).reversed().thenComparing(Device::id))
        .toList();
  }

  /** The resident's device with this id or token; never another resident's. */
  public Optional<Device> ofResident(String residentId, String idOrToken) {
    return all()
        .filter(d -> d.residentId().equals(residentId))
        .filter(d -> d.id().equals(idOrToken) || d.token().equals(idOrToken))
        .findFirst();
  }
}
