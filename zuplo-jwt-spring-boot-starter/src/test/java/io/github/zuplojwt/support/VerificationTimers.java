package io.github.zuplojwt.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link ObservationRegistry} whose observations become meters in memory, and the
 * {@value TokenVerificationObservation#NAME} timers read back by outcome and reason, as an
 * application with Actuator would record them.
 */
public final class VerificationTimers {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	public VerificationTimers() {
		this.registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
	}

	/** Where verifications are observed. */
	public ObservationRegistry registry() {
		return this.registry;
	}

	/** The timer of verifications with this outcome and reason; fails if there is none. */
	public Timer timer(String outcome, String reason) {
		Timer timer = this.meters.find(TokenVerificationObservation.NAME)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.timer();
		assertThat(timer).as("timer for outcome %s and reason %s among %s", outcome, reason,
				this.meters.getMetersAsString())
			.isNotNull();
		return timer;
	}

	/** How many verification timers there are, one for each outcome, reason and issuer seen. */
	public int timerCount() {
		return this.meters.find(TokenVerificationObservation.NAME).timers().size();
	}

	/** Verifications started and not yet ended. */
	public int active() {
		LongTaskTimer active = this.meters.find(TokenVerificationObservation.NAME + ".active").longTaskTimer();
		return (active != null) ? active.activeTasks() : 0;
	}

	/**
	 * The observations that stop from now on, in the order they stop, with their key values:
	 * what a trace backend would receive.
	 */
	public List<Observation.Context> recordStopped() {
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		return stopped;
	}

	/** Every meter recorded. */
	public Iterable<Meter> meters() {
		return this.meters.getMeters();
	}

}
