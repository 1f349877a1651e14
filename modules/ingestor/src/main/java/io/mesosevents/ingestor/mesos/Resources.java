package io.mesosevents.ingestor.mesos;

import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos;

/** Mesos resources as Avro {@link Resource}s. */
final class Resources {

    /** The role of unreserved resources in the pre-reservation-refinement format. */
    private static final String UNRESERVED_ROLE = "*";

    private Resources() {
    }

    static List<Resource> of(List<Protos.Resource> resources) {
        List<Resource> mapped = new ArrayList<>(resources.size());
        for (Protos.Resource resource : resources) {
            mapped.add(of(resource));
        }
        return mapped;
    }

    static Resource of(Protos.Resource resource) {
        // Values are taken by presence rather than by `type`: a resource carries exactly one of them,
        // and a type this version does not know would otherwise hide the value it has.
        List<Range> ranges = new ArrayList<>(resource.getRanges().getRangeCount());
        for (Protos.Value.Range range : resource.getRanges().getRangeList()) {
            ranges.add(Range.newBuilder().setBegin(range.getBegin()).setEnd(range.getEnd()).build());
        }
        return Resource.newBuilder()
                .setName(resource.getName())
                .setRole(role(resource))
                .setScalar(resource.hasScalar() ? resource.getScalar().getValue() : null)
                .setRanges(ranges)
                .setSet(new ArrayList<>(resource.getSet().getItemList()))
                .build();
    }

    /**
     * The role the resource is reserved or allocated to. Since reservation refinement (Mesos 1.4)
     * the reservation stack says it, the innermost reservation last; older masters use the
     * deprecated {@code role} field with "*" for unreserved; resources of frameworks carry the
     * role they are allocated to. Null for unreserved, unallocated resources.
     */
    @SuppressWarnings("deprecation") // the legacy `role` is read on purpose, for older masters
    private static String role(Protos.Resource resource) {
        if (resource.getReservationsCount() > 0) {
            return resource.getReservations(resource.getReservationsCount() - 1).getRole();
        }
        if (resource.hasRole() && !UNRESERVED_ROLE.equals(resource.getRole())) {
            return resource.getRole();
        }
        return resource.getAllocationInfo().hasRole() ? resource.getAllocationInfo().getRole() : null;
    }
}
