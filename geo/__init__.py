"""Regions of Korea: registry of codes and names, crosswalks, boundaries."""
