package org.minyi.esnode.root;

import java.util.List;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;

/** The body of {@code GET /} in the shape the official node sends, so clients parse it. */
final class RootInfoHandler implements RestHandler {

    private final String body;

    RootInfoHandler(String clusterName, String nodeName, Build build) {
        this.body = """
                {"name":"%s","cluster_name":"%s","cluster_uuid":"_na_","version":{"number":"%s",\
                "build_flavor":"%s","build_type":"%s","build_hash":"%s","build_date":"%s","build_snapshot":%s,\
                "lucene_version":"%s","minimum_wire_compatibility_version":"%s",\
                "minimum_index_compatibility_version":"%s"},"tagline":"You Know, for Search"}"""
                .formatted(nodeName, clusterName, build.version(), build.flavor(), build.type().displayName(),
                        build.hash(), build.date(), build.isSnapshot(), org.apache.lucene.util.Version.LATEST,
                        build.minWireCompatVersion(), build.minIndexCompatVersion());
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
    }

    @Override
    public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) {
        channel.sendResponse(new RestResponse(RestStatus.OK, "application/json", body));
    }
}
