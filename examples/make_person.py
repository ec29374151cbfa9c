#!/usr/bin/env python3
"""Writes the synthetic keypoint files in this folder: a walking person built by hand in 3-D and projected by a
pinhole camera (f = 1000 px, 1280 x 720 image). No dataset is involved. Run from the repository root:
    python3 examples/make_person.py
"""
import json
import math

F, CX, CY, W, H = 1000.0, 640.0, 360.0, 1280, 720
CAM_HEIGHT, DIST, SIDE, YAW = 1000.0, 4500.0, 300.0, math.radians(25)
COCO = ["nose", "l_eye", "r_eye", "l_ear", "r_ear", "l_shoulder", "r_shoulder", "l_elbow", "r_elbow",
        "l_wrist", "r_wrist", "l_hip", "r_hip", "l_knee", "r_knee", "l_ankle", "r_ankle"]


def body(phase):
    """COCO-17 joints in mm, Y up, X the person's left, Z forward; phase in [0, 1) of a walking cycle."""
    s = math.sin(2 * math.pi * phase)  # +1: left leg forward, right arm forward
    thigh, shin, hip_y = 445.0, 440.0, 950.0

    def leg(x, swing):
        a, k = math.radians(25) * swing, math.radians(10 + 15 * max(0.0, -swing))
        knee = (x, hip_y - thigh * math.cos(a), thigh * math.sin(a))
        ankle = (x, knee[1] - shin * math.cos(a - k), knee[2] + shin * math.sin(a - k))
        return knee, ankle

    def arm(x, swing):
        a = math.radians(20) * swing
        elbow = (x * 1.1, 1450 - 280 * math.cos(a), 280 * math.sin(a))
        wrist = (x * 1.15, elbow[1] - 250 * math.cos(a + 0.4 * abs(a)), elbow[2] + 250 * math.sin(a + 0.4 * abs(a)))
        return elbow, wrist

    lk, la = leg(100, s)
    rk, ra = leg(-100, -s)
    le, lw = arm(180, -s)
    re, rw = arm(-180, s)
    j = {"nose": (0, 1600, 100), "l_eye": (35, 1635, 85), "r_eye": (-35, 1635, 85), "l_ear": (75, 1620, 0),
         "r_ear": (-75, 1620, 0), "l_shoulder": (180, 1450, 0), "r_shoulder": (-180, 1450, 0),
         "l_elbow": le, "r_elbow": re, "l_wrist": lw, "r_wrist": rw, "l_hip": (100, hip_y, 0),
         "r_hip": (-100, hip_y, 0), "l_knee": lk, "r_knee": rk, "l_ankle": la, "r_ankle": ra}
    return [j[n] for n in COCO]


def project(points, forward_mm=0.0):
    """The person turned by YAW towards the camera's right, facing it, seen from DIST; returns x, y per joint."""
    out = []
    for x, y, z in points:
        xr = x * math.cos(YAW) + z * math.sin(YAW)
        zr = -x * math.sin(YAW) + z * math.cos(YAW)
        # facing the camera: the person's left is the image's right, forward is towards the camera
        X, Y, Z = xr + SIDE + forward_mm * math.sin(YAW), -(y - CAM_HEIGHT), DIST - zr - forward_mm * math.cos(YAW)
        out.append((F * X / Z + CX, F * Y / Z + CY))
    return out


def keypoints(uv, hidden=()):
    flat = []
    for name, (u, v) in zip(COCO, uv):
        flat += [round(u, 1), round(v, 1), 0.1 if name in hidden else 0.9]
    return flat


if __name__ == "__main__":
    # one detection: the left wrist is behind the body, so the detector is unsure of it (score 0.1 < 0.3)
    person = [{"image_id": 1, "category_id": 1, "score": 0.97,
               "keypoints": keypoints(project(body(0.15)), hidden=("l_wrist",))}]
    with open("examples/person.json", "w") as f:
        json.dump(person, f)
        f.write("\n")
    # a walking track, 24 frames at 25 fps (one stride cycle per second, 1.2 m/s towards the camera)
    with open("examples/walk.jsonl", "w") as f:
        for i in range(24):
            uv = project(body(i / 24), forward_mm=1200.0 * i / 25)
            f.write(json.dumps({"frame": i, "keypoints": keypoints(uv), "width": W, "height": H}) + "\n")
