package org.signalanalyzer.functions.recordings;

import io.micronaut.serde.annotation.SerdeImport;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Protocol;
import org.signalanalyzer.dsp.io.Tag;

/** shared-dsp's value types, (de)serialized as they are: shared-dsp knows nothing of Micronaut. */
@SerdeImport(Channel.class)
@SerdeImport(Tag.class)
@SerdeImport(Protocol.class)
@SerdeImport(Protocol.Epoch.class)
final class SharedDspTypes {
    private SharedDspTypes() {}
}
