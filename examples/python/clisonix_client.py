#!/usr/bin/env python3
"""Walks the Clisonix Fitness Edge Gateway's /fitness API the way a gym's client app does.

Usage: clisonix_client.py BASE_URL USERNAME PASSWORD
  e.g. clisonix_client.py http://127.0.0.1:8080 coach <password from the demo banner>

The account must be a coach or an admin (creating a profile needs one). Every response's status
code and required keys and types are checked; the first mismatch stops the walk with a message
and exit code 1. Exit code 2 means the gateway could not be reached or the arguments are wrong.
"""

import sys
import time
import uuid

try:
    import requests
except ImportError:
    sys.stderr.write("the requests module is missing: install the Debian package python3-requests\n")
    sys.exit(2)


class ShapeError(Exception):
    """A response that is not what the API promises."""


class GatewayClient:
    """A thin client for the /fitness API: one session, one bearer token."""

    def __init__(self, base_url, timeout=10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"

    def _call(self, method, path, expected_status, body=None, params=None):
        resp = self.session.request(method, self.base_url + path, json=body, params=params, timeout=self.timeout)
        if resp.status_code != expected_status:
            raise ShapeError("%s %s answered %d, expected %d: %s"
                             % (method, path, resp.status_code, expected_status, resp.text[:500]))
        try:
            return resp.json()
        except ValueError:
            raise ShapeError("%s %s did not answer JSON: %s" % (method, path, resp.text[:200]))

    def login(self, username, password):
        token = self._call("POST", "/fitness/auth/token", 200, {"username": username, "password": password})
        require(token, "token", access_token=str, token_type=str, expires_in=int)
        if token["token_type"] != "Bearer":
            raise ShapeError("token_type is %r, expected 'Bearer'" % token["token_type"])
        self.session.headers["Authorization"] = "Bearer " + token["access_token"]
        return token

    def create_profile(self, profile):
        return self._call("POST", "/fitness/users/profile", 201, profile)

    def get_profile(self, user_id):
        return self._call("GET", "/fitness/users/%s/profile" % user_id, 200)

    def start_workout(self, user_id, workout):
        return self._call("POST", "/fitness/users/%s/workouts" % user_id, 201, workout)

    def record_biometric(self, user_id, reading):
        return self._call("POST", "/fitness/users/%s/biometrics" % user_id, 201, reading)

    def add_exercise(self, workout_id, exercise):
        return self._call("POST", "/fitness/workouts/%s/exercises" % workout_id, 201, exercise)

    def end_workout(self, workout_id, ending):
        return self._call("PUT", "/fitness/workouts/%s/end" % workout_id, 200, ending)

    def workout(self, workout_id):
        return self._call("GET", "/fitness/workouts/%s" % workout_id, 200)

    def stats(self, user_id):
        return self._call("GET", "/fitness/users/%s/stats" % user_id, 200)

    def biometrics(self, user_id, biometric_type=None, limit=100):
        params = {"limit": limit}
        if biometric_type:
            params["biometric_type"] = biometric_type
        return self._call("GET", "/fitness/users/%s/biometrics" % user_id, 200, params=params)


NUMBER = (int, float)
OPTIONAL_NUMBER = (int, float, type(None))
OPTIONAL_STRING = (str, type(None))


def require(obj, what, **fields):
    """Checks that obj is a JSON object holding each field with one of the given types."""
    if not isinstance(obj, dict):
        raise ShapeError("%s: expected a JSON object, got %s" % (what, type(obj).__name__))
    for name, kinds in fields.items():
        if name not in obj:
            raise ShapeError("%s: the key %r is missing (keys: %s)" % (what, name, ", ".join(sorted(obj))))
        value = obj[name]
        kinds = kinds if isinstance(kinds, tuple) else (kinds,)
        # JSON true/false are bools, which Python also counts as ints: keep them apart
        if isinstance(value, bool) and bool not in kinds:
            raise ShapeError("%s: %r is a boolean, expected %s" % (what, name, names(kinds)))
        if not isinstance(value, kinds):
            raise ShapeError("%s: %r is %r (%s), expected %s" % (what, name, value, type(value).__name__, names(kinds)))
    return obj


def names(kinds):
    return " or ".join("null" if k is type(None) else k.__name__ for k in kinds)


def expect(condition, message):
    if not condition:
        raise ShapeError(message)


def walk(client, username, password):
    """The client flow, step by step; each step prints one line when it passed."""
    steps = []

    def passed(step, detail):
        steps.append(step)
        print("PASS %-22s %s" % (step, detail), flush=True)

    def skipped(step, why):
        print("SKIP %-22s %s" % (step, why), flush=True)

    client.login(username, password)
    passed("login", "as %s" % username)

    tag = uuid.uuid4().hex[:10]
    created = client.create_profile({
        "username": "client_" + tag,
        "email": "client_%s@example.com" % tag,
        "age": 34,
        "gender": "X",
        "height_cm": 176,
        "weight_kg": 72.5,
        "fitness_level": "intermediate",
        "primary_goal": "endurance",
        "secondary_goals": ["strength"],
        "resting_heart_rate": 58,
        "workout_duration_minutes": 50,
        "workouts_per_week": 4,
    })
    require(created, "created profile", success=bool, user_id=str, username=str, email=str, created_at=str)
    expect(created["success"] is True, "created profile: success is not true")
    user_id = created["user_id"]
    passed("create profile", "user_id %s" % user_id)

    profile = client.get_profile(user_id)
    require(profile, "profile", id=str, username=str, email=str, age=int, fitness_level=str,
            resting_heart_rate=NUMBER, max_heart_rate=OPTIONAL_NUMBER, workout_duration_minutes=int,
            workouts_per_week=int, created_at=str)
    expect(profile["id"] == user_id, "profile: id %s is not the created user %s" % (profile["id"], user_id))
    expect(profile["username"] == created["username"], "profile: username differs from the one created")
    passed("get profile", "%s, max heart rate %s (%s)"
           % (profile["username"], profile["max_heart_rate"], profile.get("max_heart_rate_source")))

    started = client.start_workout(user_id, {"name": "Tempo intervals", "workout_type": "cardio",
                                             "intensity": "high", "description": "Bike, 5 x 3 minutes"})
    require(started, "started workout", success=bool, workout_id=str, name=str, type=str, intensity=str, started_at=str)
    workout_id = started["workout_id"]
    passed("start workout", "workout_id %s" % workout_id)

    heart_rates = [112, 128, 141, 149, 137]
    for hr in heart_rates:
        reading = client.record_biometric(user_id, {"biometric_type": "heart_rate", "value": hr, "unit": "bpm",
                                                    "device_type": "chest_strap", "context": "workout"})
        require(reading, "recorded heart rate", success=bool, biometric_id=str, type=str, value=NUMBER, unit=str,
                recorded_at=str)
        expect(reading["type"] == "heart_rate" and reading["value"] == hr,
               "recorded heart rate: got %s %s, sent heart_rate %s" % (reading["type"], reading["value"], hr))
    passed("record heart rates", ", ".join(str(h) for h in heart_rates) + " bpm")

    exercise = client.add_exercise(workout_id, {"name": "push_up", "exercise_type": "strength",
                                                "muscle_groups": ["chest", "triceps", "shoulders"],
                                                "sets": 3, "reps": 12, "duration_seconds": 180})
    require(exercise, "added exercise", success=bool, exercise_id=str, name=str, type=str, started_at=str)
    passed("add exercise", "exercise_id %s" % exercise["exercise_id"])

    skipped("analyse form", "POST /fitness/analyze/pose is not served by this gateway yet")
    skipped("detect emotion", "POST /fitness/analyze/emotional-state is not served by this gateway yet")

    # the readings above were stamped "now": give the end a distinct instant so they fall inside the workout
    time.sleep(0.2)
    ended = client.end_workout(workout_id, {"mood_after": "good", "energy_after": 4, "pain_level": 1,
                                            "notes": "Strong last interval", "completed": True})
    require(ended, "ended workout", success=bool, message=str, workout_id=str, duration_minutes=int, ended_at=str)
    expect(ended["workout_id"] == workout_id, "ended workout: a different workout_id came back")
    passed("end workout", "after %d min" % ended["duration_minutes"])

    details = client.workout(workout_id)
    require(details, "workout details", id=str, name=str, type=str, intensity=OPTIONAL_STRING, started_at=str,
            ended_at=str, duration_minutes=int, average_heart_rate=OPTIONAL_NUMBER, max_heart_rate=OPTIONAL_NUMBER,
            min_heart_rate=OPTIONAL_NUMBER, mood_after=OPTIONAL_STRING, completed=bool, exercises_count=int,
            exercises=list)
    expect(details["exercises_count"] == 1 and len(details["exercises"]) == 1,
           "workout details: expected 1 exercise, got %d" % details["exercises_count"])
    require(details["exercises"][0], "workout exercise", id=str, name=str, sets=int, reps=int, muscle_groups=list)
    expect(details["max_heart_rate"] == max(heart_rates),
           "workout details: max_heart_rate %s, expected %s" % (details["max_heart_rate"], max(heart_rates)))
    passed("get workout details", "average %s bpm, max %s bpm, %d exercise"
           % (details["average_heart_rate"], details["max_heart_rate"], details["exercises_count"]))

    readings = client.biometrics(user_id, "heart_rate")
    expect(isinstance(readings, list), "biometrics: expected a JSON array")
    for r in readings:
        require(r, "biometric", id=str, type=str, value=NUMBER, unit=str, measured_at=str)
    got = sorted(r["value"] for r in readings)
    expect(got == sorted(heart_rates), "biometrics: values %s, expected %s" % (got, sorted(heart_rates)))
    passed("get biometrics", "%d heart-rate readings" % len(readings))

    stats = client.stats(user_id)
    require(stats, "stats", total_workouts=int, total_workout_hours=NUMBER, total_calories_burned=NUMBER,
            current_workout_streak=int, longest_workout_streak=int, avg_heart_rate=OPTIONAL_NUMBER,
            max_heart_rate_recorded=OPTIONAL_NUMBER, updated_at=str)
    expect(stats["total_workouts"] >= 1, "stats: total_workouts is %d after a finished workout" % stats["total_workouts"])
    passed("get stats", "%d workout(s), streak %d day(s)" % (stats["total_workouts"], stats["current_workout_streak"]))
    return steps


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: %s BASE_URL USERNAME PASSWORD\n" % argv[0])
        return 2
    base_url, username, password = argv[1:]
    client = GatewayClient(base_url)
    try:
        steps = walk(client, username, password)
    except ShapeError as e:
        print("FAIL %s" % e, flush=True)
        return 1
    except requests.RequestException as e:
        print("FAIL cannot reach the gateway at %s: %s" % (base_url, e), flush=True)
        return 2
    print("ALL %d STEPS PASSED" % len(steps), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
